# 叶子节点：is_leaf 为 True，当且仅当 grad_fn 是 None
import torch

a = torch.ones(2)  # 不需要梯度
b = a * 2  # 运算的结果，但参与运算的张量都不需要梯度：不记录计算历史
w = torch.ones(2, requires_grad=True)  # 需要梯度
c = w * 2  # 由需要梯度的 w 算出：记录了计算历史

for name, t in [("a", a), ("b", b), ("w", w), ("c", c)]:
    grad_fn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    print(f"{name}: requires_grad={t.requires_grad}, grad_fn={grad_fn}, is_leaf={t.is_leaf}")

print(all(t.is_leaf == (t.grad_fn is None) for t in (a, b, w, c)))
