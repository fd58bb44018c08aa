import torch
from torch import nn


class Net2(nn.Module):
    def __init__(self):
        super().__init__()
        # Sequential 按添加顺序逐层执行，自带 forward
        self.block = nn.Sequential(
            nn.Conv2d(1, 20, 5),
            nn.ReLU(),
            nn.Conv2d(20, 64, 5),
            nn.ReLU(),
        )

    def forward(self, x):
        return self.block(x)


net = Net2()
print(net)

for name, param in net.named_parameters():
    print(name, type(param).__name__, param.shape)

out = net(torch.ones(1, 1, 28, 28))  # 1 张 1 通道 28x28 的图像
print(out.shape)
