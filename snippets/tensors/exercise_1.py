# 练习 1：torch.tensor 推断出的类型，以及运算结果的类型
import numpy as np
import torch

print(torch.tensor(3).dtype)  # Python 整数
print(torch.tensor(3.0).dtype)  # Python 小数
print(torch.tensor([1, 2.5]).dtype)  # 整数和小数混在一起：按小数
print(torch.tensor(np.array([1.5])).dtype)  # NumPy 数组保留自己的类型 float64
print(torch.tensor(np.array([1.5]), dtype=torch.float32).dtype)  # 指定 dtype 就按指定的

n = torch.tensor([6, 9])
print(n / 3, n // 4)  # / 总是得到浮点；// 保持整数
print((n * 1.0).dtype, (n + torch.tensor([0.5], dtype=torch.float64)).dtype)  # 整数遇到浮点：浮点
