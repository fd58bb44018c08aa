import torch

x = torch.tensor([2.0])  # 输入，不需要梯度
w = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
z = w * x + b


def walk(fn, depth=0):
    """从一个 grad_fn 出发，沿 next_functions 走到各个输入。"""
    print("  " * depth + type(fn).__name__)
    for nxt, _ in fn.next_functions:
        if nxt is None:  # 不需要梯度的输入（这里是 x）：反向传播到此为止
            print("  " * (depth + 1) + "None")
        elif hasattr(nxt, "variable"):  # AccumulateGrad：梯度写进叶子节点的 .grad
            leaf = "w" if nxt.variable is w else "b"
            print("  " * (depth + 1) + f"AccumulateGrad -> {leaf}.grad")
        else:
            walk(nxt, depth + 1)


walk(z.grad_fn)
