from pathlib import Path

import torch
from torch import nn

Path("model").mkdir(exist_ok=True)
net = nn.Linear(2, 1)  # 任意一个模型
save_path = "model/api-net.pt"

# 保存整个模型（结构 + 参数）
torch.save(net, save_path)

# 加载整个模型：需要还原 Python 对象，只对可信的文件使用 weights_only=False
net2 = torch.load(save_path, weights_only=False)
print(net2)
