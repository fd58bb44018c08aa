# 把已有的数值（Python 数值、列表、NumPy 数组）转换为张量
import numpy as np
import torch

a = torch.tensor(5)  # 由 Python 数值创建：0 维张量（标量）
print(a)

arr = np.asarray([4])  # NumPy 数组
a = torch.tensor(arr)  # torch.tensor 总是复制数据
print(a)

b = torch.tensor([[1, 2], [3, 4]])  # 由嵌套列表创建：2 行 2 列
print(b)
print(a.dtype, b.shape)
