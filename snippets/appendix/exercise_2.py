# 练习 2：backward(gradient=v) 与 (v * z).sum().backward() 得到相同的梯度
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
v = torch.tensor([2.0, -1.0])

z = 3 * x**2
z.backward(gradient=v)
print(x.grad)

x.grad = None
(v * 3 * x**2).sum().backward()
print(x.grad)  # v_i * 6 x_i
