# 避开陷阱：运算返回新对象时，原来的数组和张量都不受影响
import numpy as np
import torch

arr2 = np.array([1, 2, 3, 4])
t2 = torch.from_numpy(arr2)
print(arr2)
print(t2)

print("")

arr2 = arr2 + 1  # 返回新数组，t2 仍指向原来的内存
print(arr2)
print(t2)

print("")

t2 = t2.add(2)  # 返回新张量
print(arr2)
print(t2)

print("")

t3 = torch.tensor(arr2)  # 或者一开始就复制：torch.tensor 不共享内存
arr2 += 100
print(arr2)
print(t3)
