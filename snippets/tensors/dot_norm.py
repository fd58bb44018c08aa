# 内积 dot 与范数 norm
import torch

a = torch.tensor([2.0, 1.0, 2.0])
b = torch.tensor([1.0, 2.0, 3.0])
print(torch.dot(a, b))  # 2·1 + 1·2 + 2·3 = 10，与 a @ b 相同
print(a.norm())  # 向量的长度：sqrt(2² + 1² + 2²) = 3
print(torch.sqrt((a * a).sum()), torch.linalg.vector_norm(a))  # 同样的值：自己算；官方推荐的函数

M = torch.tensor([[2.0, 1.0, 2.0],
                  [6.0, 3.0, 6.0]])
print(M.norm(dim=1))  # 与归约一样可以指定 dim：每一行的长度

try:
    torch.dot(M, M)  # dot 只接受一维张量
except RuntimeError as e:
    print("RuntimeError:", e)
