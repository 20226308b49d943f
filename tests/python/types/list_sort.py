# list.sort and sorted: key, reverse, stability (equal keys keep input order), and mixed-type errors.
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name = sorted(people)
by_name.sort(key=lambda p: p[1])
print(by_name)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
nums = [5, 2, 8, 1, 9, 3]
nums.sort()
print(nums, sorted("hello"), sorted({3: "a", 1: "b"}), sorted([]))
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(e)
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([3, 1, 2], reverse=True))
