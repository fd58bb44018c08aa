# 练习 1：多层感知机 4 -> 8 -> 3，数一数有多少个参数
import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
print(model)
n_params = sum(p.numel() for p in model.parameters())
print(f"参数个数：{n_params} = (4*8 + 8) + (8*3 + 3) = {(4 * 8 + 8) + (8 * 3 + 3)}")
print(model(torch.zeros(5, 4)).shape)  # 5 个样本
