# 原地（in-place）运算：名字以下划线结尾，直接修改张量本身
import torch

a = torch.IntTensor([2])
print(a)

b = torch.IntTensor([3])
print(b)

a.add_(b)  # 结果写回 a
print(a)

c = a.add(b)  # 不带下划线：返回新张量，a 不变
print(a, c)

try:
    a += 0.5  # 结果是浮点数，写不回整数张量 a
except RuntimeError as e:
    print("RuntimeError:", e)
