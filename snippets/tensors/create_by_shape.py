# 按形状创建张量：torch.Tensor(形状) 只分配内存，不初始化
import torch

ts_1 = torch.Tensor(5)
print(ts_1.shape, ts_1.dtype)

ts_2 = torch.Tensor(2, 3)
print(ts_2.shape)
print(ts_2)  # 内容是这块内存里原有的字节，每次运行都可能不同

ts_3 = torch.Tensor(2, 3, 4)
print(ts_3.shape)

# 需要确定的初始值时，明确写出来
print(torch.zeros(2, 3))
