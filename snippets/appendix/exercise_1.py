# 练习 1：雅可比矩阵不是对角矩阵时，v^T J 与 J v 不同
import torch
from torch.autograd.functional import jacobian


def f(x):
    return torch.stack([x[0] * x[1], x[0] ** 2])  # z1 = x1 x2，z2 = x1^2


x = torch.tensor([1.0, 2.0], requires_grad=True)
J = jacobian(f, x)
print("J =", J)  # [[x2, x1], [2 x1, 0]]

v = torch.tensor([1.0, 0.5])
f(x).backward(gradient=v)
print("x.grad =", x.grad)
print("v @ J  =", v @ J)
print("J @ v  =", J @ v)
