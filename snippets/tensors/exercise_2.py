# 练习 2：把数据减去均值，但不能改动原来的数组
import numpy as np
import torch

arr = np.array([1.0, 2.0, 3.0])

# 有问题的写法：from_numpy 与 arr 共享内存，原地运算 -= 把 arr 也改了
t = torch.from_numpy(arr)
t -= t.mean()
print(arr)

# 改正：运算返回新张量（或者一开始就用会复制数据的 torch.tensor(arr)）
arr = np.array([1.0, 2.0, 3.0])
t = torch.from_numpy(arr)
t = t - t.mean()
print(arr)
print(t)
