# 张量类型转换
import torch

t_float = torch.FloatTensor([1, 2, 3, 4])
print(t_float)

t_int = t_float.type(torch.IntTensor)  # 转换为 32 位整型
print(t_int)

t_int2 = t_float.int()  # 更简洁的写法
print(t_int2)

t_double = t_int.double()  # 转换为 64 位浮点
print(t_double)

print(t_float.to(torch.int64))  # 推荐的通用写法：.to(dtype)

print(t_float.float() is t_float)  # 类型已经是 float32：返回原张量本身
