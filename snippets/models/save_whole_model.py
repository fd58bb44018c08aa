import pickle
from collections import OrderedDict
from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn, optim

torch.manual_seed(27)  # 初始参数是随机的：固定种子，打印的损失才可复现
Path("model").mkdir(exist_ok=True)
Path("img").mkdir(exist_ok=True)

# 1 -> 2 -> 1 的网络，隐藏层用 sigmoid；只用 torch 自带的层搭建（原因见正文）
net = nn.Sequential(OrderedDict(
    fc1=nn.Linear(1, 2),
    act=nn.Sigmoid(),
    fc2=nn.Linear(2, 1),
))

# 样本：y = x^2 - 0.5x + 1.5625，在 [0, 1] 上取 10 个点
x = torch.linspace(0, 1, 10).reshape(10, 1)
y = x * x - 0.5 * x + 1.5625

optimizer = optim.SGD(net.parameters(), lr=0.1)
for n in range(5000):  # 原教程为 10000 次；5000 次已足够拟合，运行更快
    optimizer.zero_grad()  # 梯度清零
    y_pred = net(x)  # 前向计算
    loss = ((y_pred - y) ** 2).sum() / 2  # 误差平方和的一半
    loss.backward()  # 反向传播
    optimizer.step()  # 更新参数
    if n % 500 == 0:
        print(n, f"{loss.item():.4f}")
print("Finished Training!")

# 保存整个模型（结构 + 参数），用 pickle 序列化
torch.save(net, "model/mynet.pt")
print("保存模型成功。")

# 加载：torch.load 默认 weights_only=True，拒绝还原任意 Python 对象
try:
    net2 = torch.load("model/mynet.pt")
except pickle.UnpicklingError as e:
    print("默认加载失败（weights_only=True）：")
    for line in str(e).splitlines():
        if "Unsupported global" in line:
            print(" ", line.strip().split(" Please use")[0])

# 文件里需要还原的类
print(sorted(torch.serialization.get_unsafe_globals_in_checkpoint("model/mynet.pt")))

# 文件是我们自己刚保存的，可以信任，才用 weights_only=False
net2 = torch.load("model/mynet.pt", weights_only=False)
print(net2)

# 用加载的模型预测，并与原模型比较
test_x = torch.linspace(0, 1, 100).reshape(100, 1)
with torch.no_grad():
    test_y = net2(test_x)
    print("与原模型的预测相同：", torch.equal(test_y, net(test_x)), sep="")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(x.numpy(), y.numpy(), "k*", label="samples")
ax.plot(test_x.numpy(), test_y.numpy(), "b-", label="loaded model")
ax.set_title("Whole model saved and loaded")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend()
fig.savefig("img/models_whole_model_fit.png", dpi=100, bbox_inches="tight")
plt.close(fig)
