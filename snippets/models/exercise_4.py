# 练习 4：strict=False 时，load_state_dict 返回缺少和多出的参数名
from torch import nn

small = nn.Sequential(nn.Linear(2, 4), nn.ReLU())
big = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))

print(big.load_state_dict(small.state_dict(), strict=False))
print(small.load_state_dict(big.state_dict(), strict=False))
