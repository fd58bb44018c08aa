import math

import torch
from torch import nn

torch.manual_seed(0)  # 初始化是随机的：固定种子，打印的值才可复现
net = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(6 * 12 * 12, 10),
)

# 默认初始化：卷积层每个输出由 1*5*5 = 25 个输入算出，权重在 ±1/sqrt(25) = ±0.2 之内
w = net[0].weight
print(f"默认：{w.min().item():.4f} ~ {w.max().item():.4f}")

# 初始化一层：nn.init 的函数原地修改参数（名字以下划线结尾）
nn.init.zeros_(net[4].bias)
nn.init.uniform_(net[4].weight, -0.01, 0.01)
print(net[4].bias)
print(f"全连接层的权重：{net[4].weight.min().item():.4f} ~ {net[4].weight.max().item():.4f}")


# 初始化全部：apply 对每个子模块（最后是网络自己）调用一次函数
def init_for_relu(m):
    print("apply:", type(m).__name__)
    if isinstance(m, (nn.Conv2d, nn.Linear)):
        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")  # 正态分布，标准差 sqrt(2 / 每个输出的输入个数)
        nn.init.zeros_(m.bias)


net.apply(init_for_relu)
print(f"全连接层权重的标准差：{net[4].weight.std().item():.4f}，sqrt(2/864) = {math.sqrt(2 / 864):.4f}")
