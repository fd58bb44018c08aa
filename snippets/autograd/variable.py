import torch
from torch.autograd import Variable  # 已弃用，仅为兼容旧代码而保留

a = torch.tensor([1.0, 2.0, 3.0, 4.0])  # 普通张量
print(type(a))
print(a.requires_grad)
print(a)
print()

# 旧写法：用 Variable 包装张量；得到的其实还是 torch.Tensor
var1 = Variable(a, requires_grad=True)
print(type(var1))
print(var1.requires_grad)
print(var1)
print()

# 今天的写法：创建时指定 requires_grad=True，或对已有张量调用 requires_grad_()
b = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
c = torch.tensor([1.0, 2.0, 3.0, 4.0]).requires_grad_()
print(b)
print(c)
