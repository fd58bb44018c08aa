# 练习 1：用 autograd 求 f(x) = x^3 + 2x 在 x = 2 处的导数
import torch

x = torch.tensor(2.0, requires_grad=True)
f = x**3 + 2 * x
f.backward()
print("autograd:", x.grad)
print("手算 3x^2 + 2：", 3 * 2.0**2 + 2, sep="")
