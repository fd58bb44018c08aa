import torch
from torch.autograd.functional import jacobian, vjp

x = torch.tensor([1, 2], dtype=torch.float, requires_grad=True)
y = torch.tensor([2, 3], dtype=torch.float, requires_grad=True)


def f(x, y):
    return 3 * x**2 - y**2


# 1) PyTorch 算出的雅可比矩阵
J_x, J_y = jacobian(f, (x, y))
print("J_x =", J_x)
print("J_y =", J_y)

# 2) 手算结果：J_x = diag(6x)，J_y = diag(-2y)
hand_x = torch.diag(6 * x.detach())
hand_y = torch.diag(-2 * y.detach())
print("J_x 与手算一致：", torch.allclose(J_x, hand_x), sep="")
print("J_y 与手算一致：", torch.allclose(J_y, hand_y), sep="")

# 3) backward(gradient=v) 算的是向量-雅可比积 v^T J
v = torch.tensor([1.0, 1.0])
z = f(x, y)
z.backward(gradient=v)
print("x.grad =", x.grad, " v @ J_x =", v @ J_x)
print("y.grad =", y.grad, " v @ J_y =", v @ J_y)

# 同一个结果，用 torch.autograd.functional.vjp 直接求
_, (vjp_x, vjp_y) = vjp(f, (x.detach(), y.detach()), v)
print("vjp:", vjp_x, vjp_y)

# 4) v 取其他值时，就是对各分量的梯度加权求和
x.grad, y.grad = None, None
v2 = torch.tensor([1.0, 0.5])
f(x, y).backward(gradient=v2)
print("v2 = [1, 0.5]: x.grad =", x.grad, " v2 @ J_x =", v2 @ J_x)
