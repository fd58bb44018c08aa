# 练习 3：保存训练状态（轮数、模型、优化器），再安全地加载回来继续训练
from pathlib import Path

import torch
from torch import nn

Path("model").mkdir(exist_ok=True)

net = nn.Linear(2, 1)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
x, y = torch.randn(8, 2), torch.randn(8, 1)
for epoch in range(3):
    optimizer.zero_grad()
    loss = ((net(x) - y) ** 2).mean()
    loss.backward()
    optimizer.step()

torch.save({"epoch": epoch, "model": net.state_dict(), "optimizer": optimizer.state_dict()},
           "model/checkpoint.pt")

# 只含张量和基本类型的字典：weights_only=True 就能加载
checkpoint = torch.load("model/checkpoint.pt", weights_only=True)
net2 = nn.Linear(2, 1)
optimizer2 = torch.optim.SGD(net2.parameters(), lr=0.1, momentum=0.9)
net2.load_state_dict(checkpoint["model"])
optimizer2.load_state_dict(checkpoint["optimizer"])  # 动量等状态也恢复了
print("已训练的轮数：", checkpoint["epoch"] + 1, sep="")  # 继续训练时从这一轮往后数
print("参数相同：", torch.equal(net2.weight, net.weight), sep="")
print("优化器状态：", list(checkpoint["optimizer"]["state"][0]), sep="")
