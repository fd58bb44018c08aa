import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)  # 固定噪声、初始参数和打乱顺序
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"使用设备：{device}")

x = torch.linspace(-1, 1, 40).unsqueeze(1)
y = 2 * x + 5 + torch.rand(x.shape)
loader = DataLoader(TensorDataset(x, y), batch_size=8, shuffle=True)  # 数据留在 CPU 上

model = nn.Linear(1, 1).to(device)  # 先把模型移到设备上，再创建优化器
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
for epoch in range(50):
    model.train()
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)  # 每个批量移到模型所在的设备；要赋值，.to 不改原张量
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    final = loss_fn(model(x.to(device)), y.to(device))
print(f"最终损失 {final.item():.2f}，w = {model.weight.item():.2f}, b = {model.bias.item():.2f}")
