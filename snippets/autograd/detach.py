# detach()：在求梯度时把一个中间结果当作常数
import torch

x = torch.arange(4.0, requires_grad=True)
y = x * x
u = y.detach()  # 值与 y 相同，但不在计算图中：对 autograd 来说是常数
z = u * x

z.sum().backward()  # dz/dx = u，而不是 d(x³)/dx = 3x²
print(u)
print(x.grad)
print(x.grad == u)

x.grad = None  # 清空梯度，再对 y 求梯度：y 本身仍在计算图中
y.sum().backward()
print(x.grad == 2 * x)
