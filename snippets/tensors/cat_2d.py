# 二维张量连接
import torch

t1 = torch.tensor([[1, 2], [3, 4]])
t2 = torch.tensor([[5, 6], [7, 8]])
print(t1)
print(t2)

t3 = torch.cat([t1, t2], dim=0)  # 沿第 0 维（行）连接：纵向
print(t3)

t4 = torch.cat([t1, t2], dim=1)  # 沿第 1 维（列）连接：横向
print(t4)
