import copy
from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)  # 噪声、初始参数和打乱顺序都是随机的：固定种子，打印的损失才可复现
Path("img").mkdir(exist_ok=True)

x = torch.linspace(-1, 1, 40).unsqueeze(1)  # 按第 1 节的办法生成数据：y = 2x + 5 + 噪声
y = 2 * x + 5 + torch.rand(x.shape)
dataset = TensorDataset(x, y)
loss_fn = nn.MSELoss()


def train_one_epoch(model, loader, optimizer):
    """把数据集完整地过一遍，返回更新参数的次数。"""
    model.train()
    steps = 0
    for xb, yb in loader:
        optimizer.zero_grad()  # 1. 清空上一步的梯度
        y_pred = model(xb)  # 2. 前向计算
        loss = loss_fn(y_pred, yb)  # 3. 这一批的损失
        loss.backward()  # 4. 反向传播
        optimizer.step()  # 5. 更新参数
        steps += 1
    return steps


def evaluate(model):
    """整个数据集上的损失：评估模式，不记录计算图。"""
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


start = nn.Linear(1, 1)  # 两种训练从同样的初始参数出发
epochs = 50
histories = {}
for batch_size in (40, 8):  # 40：每步用全部样本（全批量）；8：小批量
    model = copy.deepcopy(start)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True)
    losses, steps = [], 0
    for epoch in range(epochs):
        steps += train_one_epoch(model, loader, optimizer)
        losses.append(evaluate(model))
    histories[batch_size] = losses
    w, b = model.weight.item(), model.bias.item()
    print(f"batch_size={batch_size:2d}  每轮 {len(loader)} 步，共 {steps} 步  "
          f"最终损失 {losses[-1]:.4f}  w = {w:.2f}, b = {b:.2f}")

fig, ax = plt.subplots(figsize=(6, 4))
for batch_size, losses in histories.items():
    ax.plot(range(1, epochs + 1), losses, label=f"batch_size={batch_size}")
ax.set_yscale("log")
ax.set_title("Full batch vs minibatches (same epochs)")
ax.set_xlabel("epoch")
ax.set_ylabel("MSE loss on all 40 samples")
ax.legend()
fig.savefig("img/models_minibatch_loss.png", dpi=100, bbox_inches="tight")
plt.close(fig)
