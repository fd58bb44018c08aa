import torch
from torch import nn


class Net1(nn.Module):
    def __init__(self):
        super().__init__()
        # 两个 Linear 层放进 ModuleList：它们的参数会注册到 Net1 上
        self.linears = nn.ModuleList([nn.Linear(10, 10) for i in range(2)])

    def forward(self, x):
        for m in self.linears:  # 执行顺序由 forward 决定
            x = m(x)
        return x


net = Net1()
print(net)

for name, param in net.named_parameters():
    print(name, type(param).__name__, param.shape)

out = net(torch.ones(3, 10))  # 3 个样本，每个 10 维
print(out.shape)
