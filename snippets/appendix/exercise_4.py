# 练习 4：softmax 的雅可比矩阵，以及交叉熵的梯度 v^T J
import torch
import torch.nn.functional as F
from torch.autograd.functional import jacobian

z = torch.tensor([1.0, 2.0, 0.5])  # 一个样本的 logits
p = torch.softmax(z, dim=0)
J = jacobian(lambda t: torch.softmax(t, dim=0), z)
print("J =", J)
print("与 diag(p) - p pᵀ 一致：", torch.allclose(J, torch.diag(p) - torch.outer(p, p)), sep="")

# 交叉熵 L = -log p_2 对 p 的梯度 v = -one_hot / p；链式法则的下一步 v^T J 就是 L 对 z 的梯度
v = -F.one_hot(torch.tensor(2), 3) / p
print("v @ J =", v @ J)
print("p - one_hot =", p - F.one_hot(torch.tensor(2), 3))
