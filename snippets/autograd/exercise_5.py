# 练习 5：detach() 把 y 当作常数，梯度随之改变
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
z = y.detach() * x + y  # 把第一个 y 当作常数 u = 9：z = u·x + x²
z.backward()
print(x.grad)  # u + 2x = 9 + 6

x.grad = None
y = x**2
z = y * x + y  # 不 detach：z = x³ + x²
z.backward()
print(x.grad)  # 3x² + 2x = 27 + 6
