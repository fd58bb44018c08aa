# 第一个梯度：y = 2 xᵀx 对 x 的梯度应当是 4x
import torch

x = torch.arange(4.0)  # tensor([0., 1., 2., 3.])
x.requires_grad_(True)  # 请 autograd 记录对 x 的运算，以便求 y 对 x 的梯度
print(x.grad)  # 还没有求过梯度：None

y = 2 * torch.dot(x, x)  # y = 2(x₀² + x₁² + x₂² + x₃²)，一个标量
print(y)

y.backward()  # 反向传播：求 y 对 x 的梯度，存进 x.grad
print(x.grad)
print(x.grad == 4 * x)  # 与手算的 dy/dx = 4x 逐元素比较
