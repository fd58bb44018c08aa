# 经过 Python 的 if 和 while 也能求梯度：autograd 记录的是这一次实际执行的运算
import torch


def newton_sqrt(a):
    """用牛顿法求 √a：反复令 r = (r + a / r) / 2，直到 r² 足够接近 a。"""
    r = a if a > 1 else torch.ones(())  # 起点取决于 a 的大小：走哪个分支由数据决定
    steps = 0
    while abs(r * r - a) > 1e-5:  # 迭代几次也由数据决定
        r = (r + a / r) / 2
        steps += 1
    return r, steps


for value in (0.25, 2.0, 100.0):
    a = torch.tensor(value, requires_grad=True)
    r, steps = newton_sqrt(a)
    r.backward()
    exact = 1 / (2 * value**0.5)  # 手算：d√a/da = 1 / (2√a)
    print(f"a = {value:g} 时：{steps} 次迭代，√a ≈ {r.item():.4f}，"
          f"autograd 的导数 {a.grad.item():.4f}，手算 1/(2√a) = {exact:.4f}")
