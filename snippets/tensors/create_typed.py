# 按类型创建张量：旧式的类型构造函数与现在推荐的 dtype 参数
import torch

a = torch.Tensor([1, 3])  # 默认类型：32 位浮点
print(a)

b = torch.FloatTensor([1, 3])
print(b)

c = torch.DoubleTensor([1, 3])
print(c)

d = torch.IntTensor([1, 3])
print(d)

# 推荐写法：torch.tensor + dtype，效果相同
print(torch.tensor([1, 3], dtype=torch.float64))
print(torch.tensor([1, 3], dtype=torch.int32))
