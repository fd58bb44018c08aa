# 布尔索引：用同样形状的布尔张量（掩码）挑出元素
import torch

x = torch.tensor([[1, -2, 3],
                  [-4, 5, -6]])
mask = x > 0  # 逐元素比较，得到布尔张量
print(mask)
print(x[mask])  # 挑出 True 位置上的元素，结果是一维张量（复制）

x[x < 0] = 0  # 给布尔索引赋值：原地把负数改为 0
print(x)

print(torch.where(mask, x, -1))  # 按掩码二选一：True 取 x，False 取 -1
