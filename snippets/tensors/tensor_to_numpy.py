# 张量转 NumPy 数组
import torch

t = torch.tensor([1, 2, 3, 4])
arr = t.numpy()  # 与张量共享内存
print(type(arr))
print(arr)
