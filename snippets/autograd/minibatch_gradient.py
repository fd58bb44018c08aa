# 随机梯度下降中的“随机”：每一步只用随机抽出的一小批样本估计梯度
import torch

km = torch.tensor([1.0, 3.0, 5.0, 8.0])
fare = torch.tensor([13.0, 17.0, 20.0, 27.0])
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(10.0, requires_grad=True)


def grad_on(idx):
    """只用下标为 idx 的样本算均方误差，返回它对 w 的梯度。"""
    w.grad = None
    ((w * km[idx] + b - fare[idx]) ** 2).mean().backward()
    return w.grad.item()


print(f"全部 4 个样本：w.grad = {grad_on(torch.arange(4)):.2f}")
torch.manual_seed(0)  # 抽样是随机的：固定种子，输出才可复现
for epoch in range(2):
    order = torch.randperm(4)  # 打乱样本的顺序，每 2 个一批
    batches = [order[:2], order[2:]]
    grads = [grad_on(idx) for idx in batches]
    shown = "，".join(f"样本 {idx.tolist()} → {g:.2f}" for idx, g in zip(batches, grads))
    print(f"第 {epoch + 1} 轮：{shown}；两批的平均 {sum(grads) / 2:.2f}")
