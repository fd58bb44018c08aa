# 练习 3：分割、连接与堆叠后的形状
import torch

t = torch.arange(10)
print([len(c) for c in torch.chunk(t, 4)])  # 每块 ceil(10 / 4) = 3 个
print([len(c) for c in torch.split(t, 4)])  # 每块 4 个，最后一块是余下的
print([len(c) for c in torch.chunk(torch.arange(6), 4)])  # 每块 ceil(6 / 4) = 2 个，只有 3 块

a = torch.zeros(2, 3)
b = torch.ones(2, 3)
c = torch.full((2, 3), 2.0)
print(torch.cat([a, b, c], dim=0).shape)  # 行数相加
print(torch.cat([a, b, c], dim=1).shape)  # 列数相加
print(torch.stack([a, b, c]).shape)  # 新增第 0 维
