import copy

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x = torch.linspace(-1, 1, 40).unsqueeze(1)
y = 2 * x + 5 + torch.rand(x.shape)
dataset = TensorDataset(x, y)
loss_fn = nn.MSELoss()
start = nn.Linear(1, 1)

for batch_size, epochs in ((40, 50), (8, 50), (40, 250)):
    model = copy.deepcopy(start)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True)
    steps = 0
    for epoch in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
            steps += 1
    with torch.no_grad():
        final = loss_fn(model(x), y).item()
    samples = epochs * len(dataset)  # 每轮都把 40 个样本各算一次
    print(f"batch_size={batch_size:2d}  {epochs:3d} 轮  {steps} 步  用到的样本 {samples} 个  最终损失 {final:.4f}")
