# 练习 3：一次 backward 求出 sin 在多个点上的导数
import math

import torch

x = torch.tensor([0.0, math.pi / 3, 2 * math.pi / 3, math.pi], requires_grad=True)
y = torch.sin(x)  # 按元素计算：雅可比矩阵是对角矩阵 diag(cos x)
y.backward(gradient=torch.ones_like(y))
print(x.grad)
print(torch.cos(x.detach()))
print(torch.allclose(x.grad, torch.cos(x.detach())))
