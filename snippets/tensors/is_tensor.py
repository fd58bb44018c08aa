# 判断一个对象是不是张量
import numpy as np
import torch

a = torch.Tensor(2)
print(torch.is_tensor(a))

b = np.array([1, 2, 3, 4, 5])
print(torch.is_tensor(b))

print(isinstance(a, torch.Tensor))  # 与 is_tensor 等价的写法
