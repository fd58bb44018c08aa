from pathlib import Path

import matplotlib.pyplot as plt
import torch

Path("img").mkdir(exist_ok=True)

# z = w * x + b，拆成 y = w * x 与 z = y + b
x = torch.tensor([2.0])  # 输入，不需要梯度
w = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
y = w * x
z = y + b
names = {"x": x, "w": w, "b": b, "y": y, "z": z}


def name_of(t):
    """按对象身份找回张量的名字。"""
    return next(n for n, v in names.items() if v is t)


def name_of_fn(fn):
    """非叶子节点以它的 grad_fn 认出。"""
    return next(n for n, v in names.items() if v.grad_fn is fn)


# 从 z.grad_fn 出发，沿 next_functions 走遍反向图
nodes = {}  # 名字 -> 节点信息
edges = []  # (输入名，输出名)


def walk(fn, out_name, depth):
    op = fn.name()  # 例如 "MulBackward0"
    nodes[op] = {"kind": "op", "out": out_name, "depth": depth}
    print("  " * depth + f"{out_name} <- {op}")
    # 不需要梯度的输入在 next_functions 里是 None；从节点保存的张量中认出它
    saved = [getattr(fn, a) for a in dir(fn) if a.startswith("_saved_")]
    no_grad_inputs = [name_of(t) for t in saved if isinstance(t, torch.Tensor)
                      and not t.requires_grad and any(t is v for v in names.values())]
    for nxt, _ in fn.next_functions:
        if nxt is None:
            leaf = no_grad_inputs.pop(0)
            nodes[leaf] = {"kind": "nograd", "depth": depth + 1}
            print("  " * (depth + 1) + f"{leaf} <- None (requires_grad=False)")
        elif hasattr(nxt, "variable"):  # AccumulateGrad：把梯度写进叶子节点的 .grad
            leaf = name_of(nxt.variable)
            nodes[leaf] = {"kind": "leaf", "depth": depth + 1}
            print("  " * (depth + 1) + f"{leaf} <- AccumulateGrad ({leaf}.grad)")
        else:
            leaf = name_of_fn(nxt)
            walk(nxt, leaf, depth + 1)
        edges.append((leaf, op))
    edges.append((op, out_name))


walk(z.grad_fn, "z", 0)

# 反向传播，记下各张量的梯度，标在反向图上
y.retain_grad()
z.retain_grad()
z.backward()
grads = {n: t.grad for n, t in names.items()}

# 布局：叶子节点在第 0 列，算子按深度排列，输出张量在算子右边
ops = [n for n, v in nodes.items() if v["kind"] == "op"]
max_depth = max(nodes[o]["depth"] for o in ops)
pos = {}
leaves = [n for n, v in nodes.items() if v["kind"] != "op"]
for row, leaf in enumerate(leaves):
    pos[leaf] = (0, -row)
for op in sorted(ops, key=lambda o: -nodes[o]["depth"]):  # 先放离叶子节点近的算子
    col = 2 * (max_depth - nodes[op]["depth"]) + 1
    ins = [a for a, o in edges if o == op]
    row = sum(pos[a][1] for a in ins) / len(ins)
    pos[op] = (col, row)
    pos[nodes[op]["out"]] = (col + 1, row)
tensors = [n for n in pos if n not in ops]

STYLE = {  # 叶子节点、无需梯度的叶子节点、中间结果（非叶子节点）
    "leaf": dict(fc="#bbdefb", ec="#1565c0", ls="-"),
    "nograd": dict(fc="#eeeeee", ec="#757575", ls="--"),
    "inner": dict(fc="#ffe0b2", ec="#e65100", ls="-"),
}


def draw(ax, labels, arrows, title):
    artists = {}
    for n, (cx, cy) in pos.items():
        if n in ops:
            box = dict(boxstyle="square,pad=0.5", fc="#f5f5f5", ec="#424242")
        else:
            kind = nodes[n]["kind"] if n in nodes else "inner"
            s = STYLE[kind]
            box = dict(boxstyle="circle,pad=0.3", fc=s["fc"], ec=s["ec"], ls=s["ls"])
        artists[n] = ax.text(cx, cy, labels[n], ha="center", va="center",
                             fontsize=10, bbox=box, zorder=3)
    for a, c, dashed in arrows:  # 箭头从 a 的边框画到 c 的边框
        ta, tc = artists[a], artists[c]
        ax.annotate("", xy=(0.5, 0.5), xycoords=tc, xytext=(0.5, 0.5), textcoords=ta,
                    arrowprops=dict(arrowstyle="-|>", color="#424242", lw=1.2,
                                    ls="--" if dashed else "-", shrinkA=2, shrinkB=2,
                                    patchA=ta.get_bbox_patch(), patchB=tc.get_bbox_patch()))
    ax.set_xlim(-0.7, 2 * max_depth + 2.7)
    ax.set_ylim(-len(leaves) + 0.4, 0.6)
    ax.set_title(title)
    ax.text(-0.6, -len(leaves) + 0.45, "circle: tensor   box: operation   blue: leaf   "
            "orange: non-leaf   dashed: requires_grad=False", fontsize=8, color="#616161")
    ax.axis("off")


# 前向图：变量画成圆，算子画成方框
fwd_labels = {n: n for n in tensors}
fwd_labels.update({op: op.replace("Backward0", "").lower() for op in ops})
fig, ax = plt.subplots(figsize=(8, 3.2))
draw(ax, fwd_labels, [(a, c, nodes.get(a, {}).get("kind") == "nograd") for a, c in edges],
     "Forward graph of z = w * x + b")
fig.savefig("img/autograd_forward_graph.png", dpi=120, bbox_inches="tight")
plt.close(fig)

# 反向图：箭头反向，方框是 grad_fn，圆里标出 backward 之后的梯度
bwd_labels = {op: op for op in ops}
for n in tensors:
    g = grads[n]
    bwd_labels[n] = f"{n}\nno grad" if g is None else f"{n}.grad\n{g.item():g}"
fig, ax = plt.subplots(figsize=(8, 3.2))
draw(ax, bwd_labels, [(c, a, nodes.get(a, {}).get("kind") == "nograd") for a, c in edges],
     "Backward graph: z.backward() walks grad_fn.next_functions")
fig.savefig("img/autograd_backward_graph.png", dpi=120, bbox_inches="tight")
plt.close(fig)
print("已保存 img/autograd_forward_graph.png、img/autograd_backward_graph.png")
