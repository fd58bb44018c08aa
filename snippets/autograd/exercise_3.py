# 练习 3：预测 requires_grad、is_leaf 和 grad_fn
import torch

a = torch.ones(2, requires_grad=True)
b = a * 2
c = b.detach()
with torch.no_grad():
    d = a + 1

for name, t in [("a", a), ("b", b), ("c", c), ("d", d)]:
    grad_fn = type(t.grad_fn).__name__ if t.grad_fn else None
    print(name, t.requires_grad, t.is_leaf, grad_fn)
