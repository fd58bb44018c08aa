# NumPy 数组转张量的三种方式
import numpy as np
import torch

arr = np.array([[1, 2, 3], [4, 5, 6]])
print(type(arr))
print(arr)
print("-------------------------")

# 方式一：from_numpy，与数组共享内存，保留数组的数据类型
t1 = torch.from_numpy(arr)
print(type(t1))
print(t1)
print("-------------------------")

# 方式二：FloatTensor，得到 32 位浮点张量（整数数组要转换类型，所以复制数据）
t2 = torch.FloatTensor(arr)
print(type(t2))
print(t2)
print("-------------------------")

# 方式三：torch.tensor，复制数据，保留数据类型
t3 = torch.tensor(arr)
print(type(t3))
print(t3)
