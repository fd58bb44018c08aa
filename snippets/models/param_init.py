import torch
from torch import nn

torch.manual_seed(0)  # 初始化是随机的：固定种子，打印的值才可复现
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))

# 默认初始化：Linear(4, 8) 的参数均匀分布在 ±1/sqrt(4) = ±0.5 之内
w = net[0].weight
print(f"默认：{w.min().item():.4f} ~ {w.max().item():.4f}")

# 初始化一层：nn.init 的函数原地修改参数（名字以下划线结尾）
nn.init.constant_(net[2].weight, 0.1)
nn.init.zeros_(net[2].bias)
print(net[2].weight)
print(net[2].bias)


# 初始化全部：apply 对每个子模块（最后是网络自己）调用一次函数
def init_weights(m):
    print("apply:", type(m).__name__)
    if isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, mean=0.0, std=0.01)
        nn.init.zeros_(m.bias)


net.apply(init_weights)
print(f"std = {net[0].weight.std().item():.4f}，bias 全为 0：{bool((net[0].bias == 0).all())}")
