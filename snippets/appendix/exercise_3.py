# 练习 3：一次 backward 求出 sigmoid 在多个点上的导数
import torch

x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0], requires_grad=True)
s = torch.sigmoid(x)  # 按元素计算：雅可比矩阵是对角矩阵 diag(σ(x)(1 - σ(x)))
s.backward(gradient=torch.ones_like(s))
print(x.grad)
sd = s.detach()
print(sd * (1 - sd))
print(torch.allclose(x.grad, sd * (1 - sd)))
