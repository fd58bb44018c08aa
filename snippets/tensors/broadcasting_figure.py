# 画出广播：(3, 1) + (1, 4) -> (3, 4)，浅色格子是沿长度为 1 的维度“拉伸”出来的副本
from pathlib import Path

import matplotlib.pyplot as plt
import torch

Path("img").mkdir(exist_ok=True)

a = torch.tensor([[0], [10], [20]])  # 形状 (3, 1)
b = torch.tensor([[0, 1, 2, 3]])  # 形状 (1, 4)
total = a + b  # 形状 (3, 4)
shape = total.shape


def draw_grid(ax, values, real_rows, real_cols, x0, colour, title):
    """画一个 3×4 的格子；只有 real_rows 行、real_cols 列的格子是真实存在的元素，其余是广播出的副本。"""
    for i in range(shape[0]):
        for j in range(shape[1]):
            real = i < real_rows and j < real_cols
            ax.add_patch(plt.Rectangle((x0 + j, -i - 1), 1, 1, facecolor=colour if real else "white",
                                       edgecolor="black" if real else "grey",
                                       linestyle="-" if real else "--", linewidth=1.5))
            ax.text(x0 + j + 0.5, -i - 0.5, str(values[i][j]), ha="center", va="center",
                    fontsize=13, color="black" if real else "grey")
    ax.text(x0 + 2, 0.5, title, ha="center", va="center", fontsize=12)


fig, ax = plt.subplots(figsize=(12, 3.2))
expanded_a, expanded_b = a.expand(shape).tolist(), b.expand(shape).tolist()
draw_grid(ax, expanded_a, 3, 1, 0, "#9ecae1", "a: shape (3, 1)")
ax.text(4.75, -1.5, "+", ha="center", va="center", fontsize=22)
draw_grid(ax, expanded_b, 1, 4, 5.5, "#fdae6b", "b: shape (1, 4)")
ax.text(10.25, -1.5, "=", ha="center", va="center", fontsize=22)
draw_grid(ax, total.tolist(), 3, 4, 11, "#a1d99b", "a + b: shape (3, 4)")
ax.text(7.5, -3.6, "dashed grey cells: copies made by broadcasting (never stored in memory)",
        ha="center", va="center", fontsize=11, color="grey")
ax.set_xlim(-0.2, 15.2)
ax.set_ylim(-4, 1)
ax.set_aspect("equal")
ax.axis("off")
fig.savefig("img/tensors_broadcasting.png", dpi=100, bbox_inches="tight")
print(a.shape, "+", b.shape, "->", total.shape)
print("已保存 img/tensors_broadcasting.png")
