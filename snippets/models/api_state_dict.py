from pathlib import Path

import torch
from torch import nn

Path("model").mkdir(exist_ok=True)
net = nn.Linear(2, 1)  # 任意一个模型
save_path = "model/api-net-wts.pt"

# 只保存参数
torch.save(net.state_dict(), save_path)

# 加载参数：先创建同样结构的模型，再 load_state_dict
net2 = nn.Linear(2, 1)
net2.load_state_dict(torch.load(save_path, weights_only=True))
print(torch.equal(net2.weight, net.weight), torch.equal(net2.bias, net.bias))
