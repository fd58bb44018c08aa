from pathlib import Path

import torch
from torch import nn

Path("model").mkdir(exist_ok=True)


class Net(nn.Module):
    def __init__(self, hidden=2):
        super().__init__()
        self.fc1 = nn.Linear(1, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


torch.save(Net(hidden=2).state_dict(), "model/net-hidden2.pt")  # 隐藏层 2 个神经元

net = Net(hidden=4)  # 结构不同：隐藏层 4 个神经元
state = torch.load("model/net-hidden2.pt", weights_only=True)
try:
    net.load_state_dict(state)
except RuntimeError as e:
    print("加载失败：检查点 model/net-hidden2.pt 与当前模型的参数形状不一致。")
    for line in str(e).splitlines():  # 只摘出 PyTorch 报错中的关键行
        line = line.strip()
        if line.startswith(("Error(s) in loading", "size mismatch")):
            print("  " + line)

# 注意：形状一致的参数照样被复制了，这个模型已是“半新半旧”，应丢弃重建
print("fc2.bias 已被覆盖：", torch.equal(net.fc2.bias, state["fc2.bias"]), sep="")
