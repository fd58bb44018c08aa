# detach()：求梯度时把一个中间结果当作常数
import torch

price = torch.tensor(10.0, requires_grad=True)  # 售价 10 元
sales = 100 - 2 * price  # 销量随售价下降：卖出 80 件
revenue = price * sales  # 收入 800 元
revenue.backward()
print(f"考虑销量随售价变化：∂收入/∂售价 = {price.grad}")  # d(p(100 - 2p))/dp = 100 - 4p

price.grad = None  # 清空梯度，换一种算法再求一次
sales = 100 - 2 * price
fixed_sales = sales.detach()  # 值还是 80，但对 autograd 来说是常数
print(fixed_sales, fixed_sales.requires_grad)
revenue = price * fixed_sales
revenue.backward()
print(f"假设销量不变：∂收入/∂售价 = {price.grad}")  # 只剩直接的一条路：sales = 80
