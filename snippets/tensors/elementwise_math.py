# 逐元素的数学函数：对每个元素分别计算，结果的形状不变
import torch

x = torch.tensor([0.0, 1.0, 2.0])
print(torch.exp(x))  # e 的 x 次方
print(x.exp())  # 同一个运算的方法写法
print(torch.log(torch.tensor([1.0, 0.0, -1.0])))  # 自然对数：log 0 得到 -inf，负数得到 nan，不报错
print(torch.sqrt(torch.tensor([4.0, 2.0])), torch.abs(torch.tensor([-3, 3])))
print(x ** 2)  # 乘方也是逐元素的
print(torch.exp(torch.tensor([0, 1])))  # 整数张量的 exp：结果是浮点
