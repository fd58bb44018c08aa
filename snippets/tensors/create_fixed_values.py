# 生成固定值的张量
import torch

a = torch.ones(2, 3)
print(a)

b = torch.zeros(5)
print(b)

c = torch.ones_like(b)  # 形状、类型与 b 相同，值全为 1
print(c)

print(torch.full((2, 2), 7.0))  # 任意固定值
