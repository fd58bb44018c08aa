from pathlib import Path

import torch
from torch import nn

Path("model").mkdir(exist_ok=True)
net = nn.Sequential(nn.Linear(1, 2), nn.Sigmoid(), nn.Linear(2, 1))
torch.save(net, "model/seq.pt")

# 不关闭 weights_only，只把文件里用到、且我们认可的类加入白名单
with torch.serialization.safe_globals([nn.Sequential, nn.Linear, nn.Sigmoid]):
    net2 = torch.load("model/seq.pt")  # weights_only=True（默认）
print(net2)
