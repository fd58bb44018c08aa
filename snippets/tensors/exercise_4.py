# 练习 4：连接与堆叠后的形状
import torch

a = torch.zeros(2, 3)
b = torch.ones(2, 3)
c = torch.full((2, 3), 2.0)

print(torch.cat([a, b, c], dim=0).shape)  # 行数相加
print(torch.cat([a, b, c], dim=1).shape)  # 列数相加
print(torch.stack([a, b, c]).shape)  # 新增第 0 维
