# 陷阱：from_numpy 得到的张量与数组共享内存，改一个，另一个也变
import numpy as np
import torch

arr = np.array([1, 2, 3, 4])
t1 = torch.from_numpy(arr)
print(arr)
print(t1)

print("")

arr += 1  # 原地修改数组，张量随之改变
print(arr)
print(t1)

print("")

t1.add_(2)  # 原地修改张量，数组随之改变
print(arr)
print(t1)
